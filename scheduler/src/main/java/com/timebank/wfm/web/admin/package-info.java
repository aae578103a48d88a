/**
 * The administrator's pages under {@code /admin/**}: centers and teams, agents (paged), users and roles, and center
 * settings with effective dates, created through the same services as the API with the same rules; each problem
 * is shown next to its field. Text from {@code i18n/admin*.properties}.
 */
package com.timebank.wfm.web.admin;
