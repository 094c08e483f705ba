#!/usr/bin/python3
"""Writes optuna_pg_schema.sql: Optuna's RDB schema as SQLAlchemy creates it on PostgreSQL.

    /usr/bin/python3 src/test/resources/import/make_pg_schema.py > src/test/resources/import/optuna_pg_schema.sql

Made with Debian 12 python3-optuna 3.1.0 and SQLAlchemy 1.4.46 (the versions of make_fixtures.py): the DDL is
compiled from Optuna's own models (optuna/storages/_rdb/models.py) for the PostgreSQL dialect, no server needed.
alembic_version is alembic's own table. The PostgreSQL import tests create this schema in a fresh database and
copy the rows of optuna_basic.db and optuna_multi.db into it.
"""
import optuna
import sqlalchemy
from optuna.storages._rdb import models
from sqlalchemy import Enum
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateIndex, CreateTable

dialect = postgresql.dialect()
print("-- Optuna %s's RDB schema on PostgreSQL (SQLAlchemy %s), by make_pg_schema.py" % (
    optuna.__version__, sqlalchemy.__version__))
for table in models.BaseModel.metadata.sorted_tables:
    for column in table.columns:
        if isinstance(column.type, Enum) and column.type.native_enum:
            print("CREATE TYPE %s AS ENUM (%s);" % (column.type.name, ", ".join("'%s'" % e for e in column.type.enums)))
for table in models.BaseModel.metadata.sorted_tables:
    print(str(CreateTable(table).compile(dialect=dialect)).strip() + ";")
    for index in table.indexes:
        print(str(CreateIndex(index).compile(dialect=dialect)).strip() + ";")
print("CREATE TABLE alembic_version (\n\tversion_num VARCHAR(32) NOT NULL, \n\tCONSTRAINT alembic_version_pkc"
      " PRIMARY KEY (version_num)\n);")
