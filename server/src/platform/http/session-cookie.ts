import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';

/** The session cookie as login sets it: HttpOnly, SameSite=Lax, Secure over HTTPS. */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  config: Config,
  token: string,
): FastifyReply {
  return reply.setCookie(config.session.cookieName, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: '/',
    maxAge: config.session.absoluteHours * 3600,
  });
}
