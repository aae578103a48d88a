package com.timebank.wfm.web;

import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.security.WfmPrincipal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The header's links for the signed-in user, gathered from every {@link NavContributor}; templates read it as
 * {@code @navigation} (also on error pages, which no page controller renders).
 */
@Component("navigation")
public class Navigation {

    private final ObjectProvider<NavContributor> contributors;

    Navigation(ObjectProvider<NavContributor> contributors) {
        this.contributors = contributors;
    }

    public List<NavItem> items() {
        return WfmPrincipal.current().map(p -> items(p.currentUser())).orElse(List.of());
    }

    List<NavItem> items(CurrentUser user) {
        return contributors.orderedStream().flatMap(c -> c.items(user).stream())
                .sorted(Comparator.comparingInt(NavItem::order)).toList();
    }

    /** The item the current page belongs to: the longest path covering it. */
    public NavItem active() {
        String path = currentPath();
        return items().stream().filter(i -> i.covers(path))
                .max(Comparator.comparingInt(i -> i.path().length())).orElse(null);
    }

    public boolean signedIn() {
        return WfmPrincipal.current().isPresent();
    }

    public String username() {
        return WfmPrincipal.current().map(WfmPrincipal::getUsername).orElse(null);
    }

    /** The role as a message key suffix ({@code role.AGENT}…), or null when signed out. */
    public String role() {
        return WfmPrincipal.current().map(p -> p.currentUser().role().name()).orElse(null);
    }

    /** The path of the page being shown (the original one on an error page), for links back to it. */
    public String currentPath() {
        HttpServletRequest request = request();
        if (request == null) {
            return "/";
        }
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original instanceof String s ? s : request.getRequestURI();
        String context = request.getContextPath();
        return uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    /**
     * The path and query of the page being shown, where the language switch returns to. A page shown in answer to a
     * form (its errors) is at the form's POST path, which a GET may not reach: the switch returns to the page the
     * form was sent from (the Referer), or to the start page.
     */
    public String currentPathAndQuery() {
        HttpServletRequest request = request();
        if (request != null && !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return referringPage(request);
        }
        String query = request == null || request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) != null ? null
                : request.getQueryString();
        return currentPath() + (query == null ? "" : "?" + query);
    }

    /** The path and query of the Referer within this site, else the start page. */
    private static String referringPage(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return "/";
        }
        try {
            java.net.URI uri = new java.net.URI(referer);
            String path = uri.getRawPath();
            String context = request.getContextPath();
            if (path == null || !path.startsWith(context + "/")) {
                return "/";
            }
            String page = path.substring(context.length()) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            return LocalePage.isLocalPath(page) ? page : "/";
        } catch (java.net.URISyntaxException e) {
            return "/";
        }
    }

    private static HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a ? a.getRequest() : null;
    }
}
