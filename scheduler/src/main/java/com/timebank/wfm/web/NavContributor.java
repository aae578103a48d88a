package com.timebank.wfm.web;

import java.util.List;

import com.timebank.wfm.security.CurrentUser;

/**
 * Adds the navigation links of one set of pages. Each page set (agent, lead, planner, admin, leave…) declares its
 * own {@code @Component} implementing this, answering the links the signed-in user may follow (by role): a link
 * appears only once its pages exist, and no shared template is edited to add one.
 */
public interface NavContributor {

    List<NavItem> items(CurrentUser user);
}
