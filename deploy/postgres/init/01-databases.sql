-- One database per service; runs once, when the postgres volume is empty.
CREATE DATABASE catalog;
CREATE DATABASE program;
CREATE DATABASE logging;
CREATE DATABASE webhook;
