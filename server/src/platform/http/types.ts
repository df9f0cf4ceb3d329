import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AuthedContext } from '../context.ts';
import { AppError } from '../errors.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** The context of a route that requires login (its access rule already ran). */
export function authed(request: FastifyRequest): AuthedContext {
  const { ctx } = request;
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx as AuthedContext;
}

/** Personal data must not linger in shared caches or the browser's disk cache. */
export function noStore(reply: FastifyReply): FastifyReply {
  return reply.header('Cache-Control', 'no-store');
}
