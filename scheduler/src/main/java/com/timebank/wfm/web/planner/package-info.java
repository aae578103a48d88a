/**
 * The planner's pages under {@code /planner/**} (role checked in {@code SecurityConfig}; a center or record outside
 * the planner's centers is a 404 from the services): contact-history upload with the per-line refusal, forecasts
 * with their chart, backtest and staffing requirement, emergency overtime, the busy-day calendar with the settings
 * in force, and the nightly job runs. The center a page is about is {@code ?center=CODE}, by default the first the
 * planner plans ({@link com.timebank.wfm.web.planner.PlannerCenters}). Charts read JSON from the page endpoints in
 * {@code static/js/planner.js}; text from {@code i18n/planner*.properties}.
 */
package com.timebank.wfm.web.planner;
