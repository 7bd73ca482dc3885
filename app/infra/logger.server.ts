import pino from "pino";

// Structured JSON logs; every request line carries its request id (see app/cli/server.ts).
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { app: "lapak" },
  redact: ["password", "*.password", "req.headers.cookie"],
});
