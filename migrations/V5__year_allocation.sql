-- Each application's requested and approved amounts split over calendar years (annual plan, or
-- pro rata by days), kept with every change of the application, so the yearly figures of the
-- budget summary are one GROUP BY, not a pass over every application.
CREATE TABLE year_allocation (
    application_id BIGINT         NOT NULL,
    year           SMALLINT       NOT NULL,
    requested      DECIMAL(15, 2) NOT NULL,
    approved       DECIMAL(15, 2) NOT NULL,
    PRIMARY KEY (application_id, year),
    CONSTRAINT fk_year_allocation_application FOREIGN KEY (application_id) REFERENCES funding_application (id),
    CONSTRAINT ck_year_allocation_amounts CHECK (requested >= 0 AND approved >= 0)
) ENGINE = InnoDB;

CREATE INDEX ix_year_allocation_year ON year_allocation (year, application_id);
