-- The derived metrics of analysis/metrics.h as views over the store
-- (writers/sqlite_writer.h: reports(id, agency, year), cells(report_id, tbl, row, col, value)).
-- Each rate is NULL where a cell it needs is NULL or its denominator is not
-- above 0, exactly as report_metrics() computes it (tests/analysis/metrics_test.cpp
-- checks the two agree on the samples).
--
--   disclosure_rate          实质公开率 = (（一）予以公开 + （二）部分公开) 总计
--                            / (（七）总计 − （五）不予处理 − （六）其他处理) 总计
--   review_correction_rate   复议纠错率 = 行政复议 结果纠正 / (总计 − 尚未审结)
--   litigation_loss_rate_*   诉讼败诉率 = 结果纠正 / (总计 − 尚未审结), per group and both
--   request_growth           依申请公开增长率 = 本年新收 总计 / 上年 本年新收 总计 − 1
--                            (the same agency's report of the year before)

CREATE VIEW IF NOT EXISTS metric_inputs AS
SELECT report_id,
  SUM(CASE WHEN tbl = 'requests' AND col = 'total' AND row IN ('granted', 'partially_granted') THEN value END) AS granted,
  SUM(CASE WHEN tbl = 'requests' AND col = 'total' AND row IN ('granted', 'partially_granted')
           AND value IS NOT NULL THEN 1 ELSE 0 END) AS granted_read,
  MAX(CASE WHEN tbl = 'requests' AND col = 'total' AND row = 'total' THEN value END) AS requests_total,
  MAX(CASE WHEN tbl = 'requests' AND col = 'total' AND row = 'new_received' THEN value END) AS new_received,
  SUM(CASE WHEN tbl = 'requests' AND col = 'total' AND (row LIKE 'rejected!_%' ESCAPE '!' OR row = 'other'
           OR row LIKE 'other!_%' ESCAPE '!') THEN value END) AS not_processed,
  SUM(CASE WHEN tbl = 'requests' AND col = 'total' AND (row LIKE 'rejected!_%' ESCAPE '!' OR row = 'other'
           OR row LIKE 'other!_%' ESCAPE '!') THEN 1 ELSE 0 END) AS not_processed_cells,
  SUM(CASE WHEN tbl = 'requests' AND col = 'total' AND (row LIKE 'rejected!_%' ESCAPE '!' OR row = 'other'
           OR row LIKE 'other!_%' ESCAPE '!') AND value IS NOT NULL THEN 1 ELSE 0 END) AS not_processed_read,
  MAX(CASE WHEN tbl = 'review_litigation' AND row = 'review' AND col = 'corrected' THEN value END) AS review_corrected,
  MAX(CASE WHEN tbl = 'review_litigation' AND row = 'review' AND col = 'total' THEN value END) AS review_total,
  MAX(CASE WHEN tbl = 'review_litigation' AND row = 'review' AND col = 'pending' THEN value END) AS review_pending,
  MAX(CASE WHEN tbl = 'review_litigation' AND row = 'litigation_direct' AND col = 'corrected' THEN value END) AS direct_corrected,
  MAX(CASE WHEN tbl = 'review_litigation' AND row = 'litigation_direct' AND col = 'total' THEN value END) AS direct_total,
  MAX(CASE WHEN tbl = 'review_litigation' AND row = 'litigation_direct' AND col = 'pending' THEN value END) AS direct_pending,
  MAX(CASE WHEN tbl = 'review_litigation' AND row = 'litigation_after_review' AND col = 'corrected' THEN value END) AS after_corrected,
  MAX(CASE WHEN tbl = 'review_litigation' AND row = 'litigation_after_review' AND col = 'total' THEN value END) AS after_total,
  MAX(CASE WHEN tbl = 'review_litigation' AND row = 'litigation_after_review' AND col = 'pending' THEN value END) AS after_pending
FROM cells GROUP BY report_id;

CREATE VIEW IF NOT EXISTS report_metrics AS
SELECT r.id AS report_id, r.agency, r.year,
  CASE WHEN m.granted_read = 2 AND m.not_processed_cells >= 6 AND m.not_processed_read = m.not_processed_cells
            AND m.requests_total - m.not_processed > 0
       THEN m.granted * 1.0 / (m.requests_total - m.not_processed) END AS disclosure_rate,
  CASE WHEN m.review_total - m.review_pending > 0
       THEN m.review_corrected * 1.0 / (m.review_total - m.review_pending) END AS review_correction_rate,
  CASE WHEN m.direct_total - m.direct_pending > 0
       THEN m.direct_corrected * 1.0 / (m.direct_total - m.direct_pending) END AS litigation_loss_rate_direct,
  CASE WHEN m.after_total - m.after_pending > 0
       THEN m.after_corrected * 1.0 / (m.after_total - m.after_pending) END AS litigation_loss_rate_after_review,
  CASE WHEN m.direct_total + m.after_total - m.direct_pending - m.after_pending > 0
       THEN (m.direct_corrected + m.after_corrected) * 1.0
            / (m.direct_total + m.after_total - m.direct_pending - m.after_pending) END AS litigation_loss_rate
FROM reports r JOIN metric_inputs m ON m.report_id = r.id;

-- The agency is matched by its name as the store holds it (reports.agency);
-- once the store keeps meta.agency_normalised, match on that instead.
CREATE VIEW IF NOT EXISTS request_growth AS
SELECT cur.id AS report_id, cur.agency, cur.year,
  CASE WHEN mp.new_received > 0 THEN mc.new_received * 1.0 / mp.new_received - 1 END AS request_growth
FROM reports cur
JOIN metric_inputs mc ON mc.report_id = cur.id
JOIN reports prev ON prev.agency = cur.agency AND prev.year = cur.year - 1
JOIN metric_inputs mp ON mp.report_id = prev.id;
