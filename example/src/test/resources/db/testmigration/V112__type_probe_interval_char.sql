-- Only for the tests: interval and char(1) columns on type_probe.
ALTER TABLE type_probe ADD COLUMN span interval, ADD COLUMN initial char(1);
