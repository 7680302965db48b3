// Every module that reads the warehouse reads it through GRDB and counts days and durations with Chronology.
@_exported import Chronology
@_exported import GRDB
