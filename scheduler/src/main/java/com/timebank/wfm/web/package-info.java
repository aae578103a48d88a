/**
 * The pages: server-rendered Thymeleaf with htmx and Chart.js, Pico CSS, all from WebJars.
 * <ul>
 * <li>A page controller lives in this package (or a sub-package: {@code PageErrors} covers them) and calls the
 * same services as the API controllers with the {@code CurrentUser}; a record outside the user's scope is a
 * {@code NotFoundException}, rendered as the 404 page.</li>
 * <li>URL sections by role: {@code /agents/{employeeNo}/**} (scoped by the services), {@code /lead/**},
 * {@code /planner/**}, {@code /admin/**} (role checked in {@code SecurityConfig}, records by the services).</li>
 * <li>A template is a {@code <main>} handed to {@code layout :: page(title, content)}; shared pieces are in
 * {@code fragments.html} (field errors, empty states). Text from the bundles {@code i18n/<set>.properties} and
 * {@code i18n/<set>_zh_CN.properties} (keys prefixed with the set's name); amounts, dates and times through
 * {@code @fmt} ({@link com.timebank.wfm.web.PageFormat}).</li>
 * <li>Navigation: a {@code @Component} implementing {@link com.timebank.wfm.web.NavContributor} per page set.</li>
 * <li>No inline script or style (CSP): page scripts in {@code static/js/}; forms need {@code th:action} (CSRF
 * field) and htmx requests get the CSRF header from {@code app.js}. Irreversible actions: {@code data-confirm}
 * on a plain form, {@code hx-confirm} on an htmx element.</li>
 * </ul>
 */
package com.timebank.wfm.web;
