//! JSON Schema of the plan document. Not implemented yet: the schema issue builds it.
