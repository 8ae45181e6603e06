// Which web origins may call the API (the H5 app's), and with which methods and headers.
import cors from '@fastify/cors'
import type { FastifyInstance } from 'fastify'

export async function allowOrigins(app: FastifyInstance, origins: string[]): Promise<void> {
  await app.register(cors, {
    origin: (origin, cb) => cb(null, !origin || origins.includes(origin)),
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: ['content-type', 'x-device-id', 'idempotency-key', 'x-booker-token', 'authorization'],
    // Retry-After: how long to wait before asking for another SMS code.
    exposedHeaders: ['content-disposition', 'retry-after'],
    maxAge: 600,
  })
}
