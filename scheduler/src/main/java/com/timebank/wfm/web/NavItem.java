package com.timebank.wfm.web;

/**
 * One link of the header's navigation: {@code labelKey} is a message key, {@code order} places it (agent 100s,
 * lead 200s, planner 300s, admin 400s). The item whose path is the longest prefix of the page's path is marked
 * active.
 */
public record NavItem(String path, String labelKey, int order) {

    boolean covers(String requestPath) {
        return requestPath.equals(path) || requestPath.startsWith(path.endsWith("/") ? path : path + "/");
    }
}
