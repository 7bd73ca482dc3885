import { describe, expect, it } from "vitest";
import { isOutage } from "./outage.server";

const withCode = (code: string, message = "x") => Object.assign(new Error(message), { code });

describe("isOutage", () => {
  it.each([
    ["postmaster killed (pg 57P01)", withCode("57P01", "terminating connection due to unexpected postmaster exit")],
    ["starting up (pg 57P03)", withCode("57P03", "the database system is starting up")],
    ["connection refused", withCode("ECONNREFUSED")],
    ["pg: connection terminated", new Error("Connection terminated unexpectedly")],
    ["Prisma: can't reach (P1001)", withCode("P1001", "Can't reach database server at 127.0.0.1:1")],
    ["Prisma raw query (P2010) that could not connect", withCode("P2010", "Raw query failed. Code: `N/A`. Message: `Can't reach database server at 127.0.0.1:1`")],
    ["Prisma adapter kind", Object.assign(new Error("x"), { code: "P2036", meta: { driverAdapterError: { cause: { kind: "ConnectionClosed" } } } })],
    ["wrapped as a cause", new Error("loading failed", { cause: withCode("ECONNRESET") })],
    ["S3 unreachable", Object.assign(withCode("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:9000"), { $metadata: { attempts: 3 } })],
    ["S3 answering 503", Object.assign(new Error("Service Unavailable"), { name: "ServiceUnavailable", $metadata: { httpStatusCode: 503 } })],
  ])("%s: yes", (_, error) => expect(isOutage(error)).toBe(true));

  it.each([
    ["a unique violation (P2002)", withCode("P2002", "Unique constraint failed")],
    ["a syntax error (pg 42601)", withCode("42601", "syntax error")],
    ["a plain bug", new TypeError("Cannot read properties of undefined")],
    ["S3: no such key (404)", Object.assign(new Error("NoSuchKey"), { name: "NoSuchKey", $metadata: { httpStatusCode: 404 } })],
    ["a thrown Response", new Response("Not Found", { status: 404 })],
    ["nothing", undefined],
  ])("%s: no", (_, error) => expect(isOutage(error)).toBe(false));
});
