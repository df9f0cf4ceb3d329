import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import type { App } from './types.ts';

/**
 * Serves the built web app at / (agency, regulator, admin, /public) and the field app at /m.
 * Unknown non-API paths get the app's index.html so client-side routes survive a reload.
 */
export async function registerFrontends(app: App, config: Config): Promise<void> {
  const hasWeb = existsSync(config.staticDirs.web);
  const hasMobile = existsSync(config.staticDirs.mobile);
  if (hasWeb)
    await app.register(fastifyStatic, { root: config.staticDirs.web, prefix: '/', wildcard: false });
  if (hasMobile) {
    await app.register(fastifyStatic, {
      root: config.staticDirs.mobile,
      prefix: '/m/',
      decorateReply: !hasWeb,
      wildcard: false,
    });
  }

  app.setNotFoundHandler(async (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (url.startsWith('/api/') || request.method !== 'GET')
      throw new AppError('NOT_FOUND', `接口不存在：${request.method} ${url}`);
    const isMobile = url === '/m' || url.startsWith('/m/');
    if (isMobile ? !hasMobile : !hasWeb) {
      return reply.code(404).type('text/plain; charset=utf-8').send('前端尚未构建：请先运行 npm run build');
    }
    if (/\.[a-z0-9]+$/i.test(url)) throw new AppError('NOT_FOUND', `文件不存在：${url}`);
    reply.header('Cache-Control', 'no-cache');
    return isMobile
      ? reply.sendFile('index.html', config.staticDirs.mobile)
      : reply.sendFile('index.html', config.staticDirs.web);
  });
}
