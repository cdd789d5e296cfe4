-- The token signing key leaves the database: it is now REGISTRY_JWT_SECRET or the file jwt.key in
-- the registry home. The key kept here is dropped, not moved: on the embedded database any local
-- account could read it (it ran without grant tables), so it counts as known, and every token
-- signed with it is refused from now on (users log in again once).
DROP TABLE IF EXISTS registry_secret;
