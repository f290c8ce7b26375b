// The benchmark's baseline: a bare Fastify route returning a page's bytes from memory.
//   node bench/static-server.mjs PAGE_FILE PORT
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const [file, port] = process.argv.slice(2);
const page = readFileSync(file);
const app = Fastify({ logger: false });
app.get('/page', async (_request, reply) => reply.type('text/html; charset=utf-8').send(page));
await app.listen({ port: Number(port), host: '127.0.0.1' });
process.stdout.write('ready\n');
