-- Run once by the postgres image on an empty data directory (docker-entrypoint-initdb.d): one database
-- per service on the one server, and the extensions customer-service's search needs. The migrations
-- create the extensions too, but only a superuser may; creating them here lets the services run as
-- ordinary database owners.
CREATE DATABASE customer;
CREATE DATABASE scenario;
CREATE DATABASE orderlink;

\connect customer
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS btree_gin;
