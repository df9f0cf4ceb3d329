CREATE TABLE "sso_requests" (
	"state" text PRIMARY KEY NOT NULL,
	"nonce" text NOT NULL,
	"code_verifier" text NOT NULL,
	"identity" text NOT NULL,
	"target" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
