import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { exifDateTime, makeJpeg } from '../../../test/photo-fixtures.ts';
import { distanceMeters } from './geo-distance.ts';
import { computePhotoFlags } from './photo-flags.ts';
import {
  parseExifTime,
  readPhotoExif,
  renderPhotoCopies,
  thumbnailMaxSide,
  UnreadablePhotoError,
  watermarkedMaxSide,
} from './photo-pipeline.ts';
import {
  escapeXml,
  fitLine,
  formatChinaTime,
  renderWatermarkBand,
  watermarkLines,
} from './photo-watermark.ts';

const site = { latitude: 30.65, longitude: 104.08 };
const lines = watermarkLines({
  projectName: '某化工有限公司废渣危险特性鉴别项目',
  pointName: '1号废渣堆场',
  photoTypeLabel: '采样作业照片',
  personName: '王强',
  capturedAt: new Date('2026-03-10T02:03:04Z'),
  position: { latitude: 30.65, longitude: 104.08, accuracy: 8.6 },
});

/** Mean absolute difference of the grey pixels of two images' rows [top, top + height). */
async function bandDifference(a: Buffer, b: Buffer, top: number, height: number, width: number) {
  const grey = async (img: Buffer) =>
    sharp(img).resize(width, undefined).extract({ left: 0, top, width, height }).greyscale().raw().toBuffer();
  const [x, y] = await Promise.all([grey(a), grey(b)]);
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += Math.abs((x[i] ?? 0) - (y[i] ?? 0));
  return sum / x.length;
}

describe('watermark text', () => {
  it('writes 项目, 点位 · 类型 · 拍摄人, China time and the position', () => {
    expect(lines).toEqual([
      '项目：某化工有限公司废渣危险特性鉴别项目',
      '点位：1号废渣堆场 · 采样作业照片 · 拍摄人：王强',
      '时间：2026-03-10 10:03:04',
      '坐标：30.650000, 104.080000 ±9m',
    ]);
    const none = watermarkLines({
      projectName: '项目',
      pointName: null,
      photoTypeLabel: '送样照片',
      personName: '赵磊',
      capturedAt: new Date('2026-12-31T16:00:00Z'),
      position: null,
    });
    expect(none.slice(1)).toEqual([
      '送样照片 · 拍摄人：赵磊',
      '时间：2027-01-01 00:00:00',
      '坐标：未获取定位',
    ]);
  });

  it('escapes XML and cuts a line too long for the photo', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    expect(fitLine('一二三四五六七八九十', 5)).toBe('一二三四…');
    expect(fitLine('abc', 5)).toBe('abc');
    const band = renderWatermarkBand(['项目：<script>&'], 400, 300).svg.toString();
    expect(band).toContain('项目：&lt;script&gt;&amp;');
    expect(band).toContain('Noto Sans CJK SC');
  });

  it('formats times in Asia/Shanghai', () => {
    expect(formatChinaTime(new Date('2026-06-30T23:59:59Z'))).toBe('2026-07-01 07:59:59');
  });
});

describe('EXIF', () => {
  it('reads DateTimeOriginal as China time and the GPS position', async () => {
    const at = new Date('2026-03-10T02:00:00Z');
    const jpeg = await makeJpeg({ width: 320, height: 240, gps: { lat: 30.66, lng: 104.09 }, exifTime: at });
    const exif = await readPhotoExif(jpeg);
    expect(exif.time?.toISOString()).toBe(at.toISOString());
    expect(exif.latitude).toBeCloseTo(30.66, 4);
    expect(exif.longitude).toBeCloseTo(104.09, 4);
  });

  it('has nothing to say about a photo without EXIF or about junk', async () => {
    const none = { time: null, latitude: null, longitude: null };
    expect(await readPhotoExif(await makeJpeg({ width: 64, height: 64 }))).toEqual(none);
    expect(await readPhotoExif(Buffer.from('not an image at all'))).toEqual(none);
  });

  it('parses the EXIF date format, with an OffsetTime when there is one', () => {
    expect(parseExifTime('2026:03:10 10:00:00')?.toISOString()).toBe('2026-03-10T02:00:00.000Z');
    expect(parseExifTime('2026:03:10 10:00:00', '+02:00')?.toISOString()).toBe('2026-03-10T08:00:00.000Z');
    expect(parseExifTime('0000:00:00 00:00:00')).toBeNull();
    expect(parseExifTime('yesterday')).toBeNull();
    expect(parseExifTime(12)).toBeNull();
    expect(exifDateTime(new Date('2026-03-10T02:00:00Z'))).toBe('2026:03:10 10:00:00');
  });
});

describe('derived copies', () => {
  it('burns the band into the bottom of the watermarked copy and keeps the rest', async () => {
    const jpeg = await makeJpeg({ width: 1200, height: 900, gps: { lat: 30.65, lng: 104.08 }, seed: 7 });
    const copies = await renderPhotoCopies(jpeg, lines);
    expect([copies.width, copies.height]).toEqual([1200, 900]);
    const meta = await sharp(copies.watermarked).metadata();
    expect([meta.width, meta.height, meta.format]).toEqual([1200, 900, 'jpeg']);
    const bottom = await bandDifference(jpeg, copies.watermarked, 900 - 60, 60, 1200);
    const top = await bandDifference(jpeg, copies.watermarked, 0, 200, 1200);
    expect(bottom).toBeGreaterThan(20);
    expect(top).toBeLessThan(6);
  });

  it('shrinks a 12-megapixel photo to 1920 and 480 on the longest side, upright', async () => {
    const jpeg = await makeJpeg({ width: 4000, height: 3000, orientation: 6, seed: 3 });
    const copies = await renderPhotoCopies(jpeg, lines);
    expect([copies.width, copies.height]).toEqual([3000, 4000]);
    const wm = await sharp(copies.watermarked).metadata();
    const th = await sharp(copies.thumbnail).metadata();
    expect([wm.width, wm.height]).toEqual([1440, watermarkedMaxSide]);
    expect([th.width, th.height]).toEqual([360, thumbnailMaxSide]);
    expect(wm.orientation).toBeUndefined();
  }, 20_000);

  it('never enlarges a small photo and still fits the band on it', async () => {
    const copies = await renderPhotoCopies(await makeJpeg({ width: 200, height: 60 }), lines);
    const th = await sharp(copies.thumbnail).metadata();
    const wm = await sharp(copies.watermarked).metadata();
    expect([th.width, th.height, wm.width, wm.height]).toEqual([200, 60, 200, 60]);
  });

  it('carries no EXIF, no GPS in either copy', async () => {
    const jpeg = await makeJpeg({
      width: 640,
      height: 480,
      gps: { lat: 30.65, lng: 104.08 },
      exifTime: new Date(),
    });
    expect(await exifr.gps(jpeg)).toBeTruthy();
    const copies = await renderPhotoCopies(jpeg, lines);
    for (const copy of [copies.thumbnail, copies.watermarked]) {
      expect(await exifr.parse(copy)).toBeUndefined();
      expect((await sharp(copy).metadata()).exif).toBeUndefined();
    }
  });

  it('says so when the bytes cannot be decoded', async () => {
    const jpeg = await makeJpeg({ width: 300, height: 200 });
    await expect(renderPhotoCopies(jpeg.subarray(0, 400), lines)).rejects.toBeInstanceOf(
      UnreadablePhotoError,
    );
  });
});

describe('flags', () => {
  const base = {
    site,
    exif: { time: null, latitude: null, longitude: null },
    capturedAt: new Date('2026-03-10T02:00:00Z'),
    isClockChanged: false,
    farFromSiteMeters: 1000,
    exifToleranceMinutes: 10,
  };

  it('measures the distance to the site', () => {
    // 0.01° of latitude is about 1112 m.
    expect(distanceMeters(site, { latitude: 30.66, longitude: 104.08 })).toBeCloseTo(1111.9, 0);
    const near = computePhotoFlags({
      ...base,
      position: { latitude: 30.651, longitude: 104.08, accuracy: 5 },
    });
    expect(near).toEqual({ flags: [], distanceM: 111.2 });
  });

  it('flags far positions (phone or EXIF), EXIF time off, a moved clock and no position', () => {
    const far = { latitude: 30.67, longitude: 104.08, accuracy: 5 };
    expect(computePhotoFlags({ ...base, position: far }).flags).toEqual(['far_from_site']);
    const exifFar = { time: null, latitude: 30.67, longitude: 104.08 };
    expect(computePhotoFlags({ ...base, position: { ...site, accuracy: 5 }, exif: exifFar }).flags).toEqual([
      'far_from_site',
    ]);
    const late = { time: new Date('2026-03-10T02:11:00Z'), latitude: null, longitude: null };
    expect(computePhotoFlags({ ...base, position: null, exif: late, isClockChanged: true })).toEqual({
      flags: ['time_mismatch', 'clock_changed', 'no_position'],
      distanceM: null,
    });
    const onTime = { time: new Date('2026-03-10T02:09:00Z'), latitude: null, longitude: null };
    expect(computePhotoFlags({ ...base, position: { ...site, accuracy: 5 }, exif: onTime }).flags).toEqual(
      [],
    );
  });
});
