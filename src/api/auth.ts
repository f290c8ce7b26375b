import type { FastifyRequest } from 'fastify';
import { AppError } from '../domain/errors.js';
import type { SessionUser } from '../services/auth/accounts.js';

/** The logged-in user, or a 401 problem. */
export function requireUser(request: FastifyRequest): SessionUser {
  if (request.user === null) throw new AppError('unauthorized', 'Log in first: this needs an account.');
  return request.user;
}
