// The derived metrics as SQL views over the store (metrics_views.sql, the same
// definitions as metrics.h), for the store to create: analysts query
// report_metrics instead of writing the pivot by hand.
#pragma once

namespace gongkai {

// Statements that create the views when they do not exist yet (CREATE VIEW IF
// NOT EXISTS), so running them on every open also brings older stores of the
// same schema up to date.
const char* metrics_views_sql();

}  // namespace gongkai
