-- Every filter and sort of the application list has an index, alone and within a state's scope,
-- because STATE users' lists always carry owner_state = ?.
CREATE INDEX ix_funding_application_state_created ON funding_application (owner_state, created_at, id);
CREATE INDEX ix_funding_application_state_reference ON funding_application (owner_state, reference);
CREATE INDEX ix_funding_application_state_title ON funding_application (owner_state, title);
CREATE INDEX ix_funding_application_state_requested ON funding_application (owner_state, requested_amount);
CREATE INDEX ix_funding_application_state_start ON funding_application (owner_state, start_date);
CREATE INDEX ix_funding_application_state_updated ON funding_application (owner_state, updated_at);
CREATE INDEX ix_funding_application_state_type ON funding_application (owner_state, type, funding_source);
CREATE INDEX ix_funding_application_title ON funding_application (title);
CREATE INDEX ix_funding_application_requested ON funding_application (requested_amount);
CREATE INDEX ix_funding_application_start ON funding_application (start_date);
CREATE INDEX ix_funding_application_end ON funding_application (end_date);
CREATE INDEX ix_funding_application_updated ON funding_application (updated_at);
CREATE INDEX ix_funding_application_type ON funding_application (type, funding_source, status);
CREATE INDEX ix_funding_application_source ON funding_application (funding_source, status);
