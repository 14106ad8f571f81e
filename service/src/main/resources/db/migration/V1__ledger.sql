-- The claims ledger: members, the decision record of every grant, the grants themselves and each benefit's
-- yearly quota. Every invariant the service promises is held here, by the database, so that it holds across
-- several service instances and when a process dies mid-way:
--   * a grant and its decision record are written in one transaction (one is never there without the other);
--   * a quota never gives more places than it has (CHECK used <= places; places are taken by a conditional
--     UPDATE ... WHERE used < places);
--   * grants of one member are decided one at a time (the member's row is locked FOR UPDATE while the service
--     re-assesses with the member's claims), so once-a-year limits hold;
--   * a request repeated with the same Idempotency-Key gives the first grant back, never a second one.

CREATE TABLE member (
    id          text        PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$'),
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- What the service decided and on what: the canonical input (the case in canonical JSON, with the claims the
-- ledger held), its SHA-256, the rule set that decided and the decision with its reasons.
CREATE TABLE decision_record (
    id               uuid        PRIMARY KEY,
    region           text        NOT NULL,
    benefit          text        NOT NULL,
    as_of            date        NOT NULL,
    rule_set_version text        NOT NULL,
    input            text        NOT NULL,
    input_sha256     char(64)    NOT NULL,
    decision         text        NOT NULL,
    recorded_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT input_hash_matches CHECK (input_sha256 = encode(sha256(convert_to(input, 'UTF8')), 'hex'))
);

CREATE TABLE benefit_grant (
    id                uuid          PRIMARY KEY,
    member_id         text          NOT NULL REFERENCES member (id),
    region            text          NOT NULL,
    benefit           text          NOT NULL,
    status            text          NOT NULL CHECK (status IN ('GRANTED', 'WAITLISTED')),
    waitlist_position integer       CHECK (waitlist_position > 0),
    claim_date        date          NOT NULL,
    quota_year        integer,
    amount            numeric(14,2),
    value             numeric(14,2),
    decision_id       uuid          NOT NULL UNIQUE REFERENCES decision_record (id),
    request_key       text          UNIQUE,
    granted_by        text          NOT NULL,
    created_at        timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT waitlisted_has_position CHECK ((status = 'WAITLISTED') = (waitlist_position IS NOT NULL))
);
CREATE INDEX benefit_grant_member ON benefit_grant (member_id, region);
CREATE INDEX benefit_grant_quota ON benefit_grant (region, benefit, quota_year, status);
-- one place on a benefit's waiting list per member and quota year
CREATE UNIQUE INDEX benefit_grant_one_waitlisting ON benefit_grant (member_id, region, benefit, quota_year)
    WHERE status = 'WAITLISTED';

-- A benefit's places in one calendar year: made on the first grant from the benefit's quota parameter
-- (its value on that grant's date), then only counted.
CREATE TABLE quota (
    region      text    NOT NULL,
    benefit     text    NOT NULL,
    year        integer NOT NULL,
    places      integer NOT NULL CHECK (places >= 0),
    used        integer NOT NULL DEFAULT 0 CHECK (used >= 0),
    waitlisted  integer NOT NULL DEFAULT 0 CHECK (waitlisted >= 0),
    PRIMARY KEY (region, benefit, year),
    CONSTRAINT within_places CHECK (used <= places)
);
