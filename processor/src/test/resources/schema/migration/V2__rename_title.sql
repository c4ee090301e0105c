-- Last week's migration: every statement still reading "title" must fail to compile.
ALTER TABLE product RENAME COLUMN title TO name;
