import { GlobalWorkerOptions, getDocument, type PDFDocumentLoadingTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/*
 * pdf.js fetches its CMaps (Chinese text in fonts a report does not embed), standard fonts and image
 * decoders by file name from a folder URL. Vite gives every file its own hashed URL instead, so the
 * factories below look each name up in what the build emitted. Only files a document needs are fetched.
 */
const pdfjsRoot = '../../../../node_modules/pdfjs-dist';
const cMapUrls = import.meta.glob('../../../../node_modules/pdfjs-dist/cmaps/*.bcmap', {
  query: '?url',
  import: 'default',
  eager: true,
});
const standardFontUrls = import.meta.glob('../../../../node_modules/pdfjs-dist/standard_fonts/*.{pfb,ttf}', {
  query: '?url',
  import: 'default',
  eager: true,
});
const wasmUrls = import.meta.glob('../../../../node_modules/pdfjs-dist/wasm/{openjpeg,jbig2}.wasm', {
  query: '?url',
  import: 'default',
  eager: true,
});

function urlOf(urls: Record<string, unknown>, folder: string, file: string): string {
  const url = urls[`${pdfjsRoot}/${folder}/${file}`];
  if (typeof url !== 'string') throw new Error(`pdf.js 资源缺失：${folder}/${file}`);
  return url;
}

/** Small files are inlined as data: URLs, which the page's CSP (connect-src 'self') would not fetch. */
async function loadBytes(url: string): Promise<Uint8Array> {
  if (url.startsWith('data:')) {
    const base64 = url.slice(url.indexOf(',') + 1);
    return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`无法加载 ${url}（${response.status}）`);
  return new Uint8Array(await response.arrayBuffer());
}

class BundledCMapReaderFactory {
  async fetch({ name }: { name: string }) {
    return { cMapData: await loadBytes(urlOf(cMapUrls, 'cmaps', `${name}.bcmap`)), isCompressed: true };
  }
}

class BundledStandardFontDataFactory {
  fetch({ filename }: { filename: string }): Promise<Uint8Array> {
    return loadBytes(urlOf(standardFontUrls, 'standard_fonts', filename));
  }
}

class BundledWasmFactory {
  fetch({ filename }: { filename: string }): Promise<Uint8Array> {
    return loadBytes(urlOf(wasmUrls, 'wasm', filename));
  }
}

/** Opens a PDF from its bytes (which pdf.js takes over) without eval and with the bundled resources. */
export function openPdf(data: Uint8Array): PDFDocumentLoadingTask {
  return getDocument({
    data,
    isEvalSupported: false,
    enableXfa: false,
    CMapReaderFactory: BundledCMapReaderFactory,
    StandardFontDataFactory: BundledStandardFontDataFactory,
    WasmFactory: BundledWasmFactory,
  });
}
