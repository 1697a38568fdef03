-- Flyway callback, run on each connection Flyway opens: PostgreSQL's notices ("schema ops already exists, skipping":
-- Flyway creates ops just before V1 does) are not news to whoever starts the warehouse; warnings and errors still
-- reach the log.
SET client_min_messages = warning;
