//! PDF rendering of the care plan. Not implemented yet: the render issue builds it.
