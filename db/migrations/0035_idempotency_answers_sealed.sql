-- Answers kept before held the key and the personal token in plain text. A retry of one of them now registers anew,
-- and is refused as the address already registered; its owner can have the personal link sent again.
DELETE FROM `idempotency_keys`;
