-- Test-only: accounts for the transfer storm of TransactionalRepositoryTest.
CREATE TABLE account (
  id      bigint PRIMARY KEY,
  balance bigint NOT NULL
);
