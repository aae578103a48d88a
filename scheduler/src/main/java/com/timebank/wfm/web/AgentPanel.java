package com.timebank.wfm.web;

import java.util.Map;
import java.util.Optional;

import com.timebank.wfm.org.Agent;
import com.timebank.wfm.security.CurrentUser;

/**
 * A section of an agent's time-bank page contributed by another page set (the leave pages: outstanding leave with
 * offset choices, time-off requests). Declare a {@code @Component} implementing it; the page inserts
 * {@code ~{template :: fragment}} with the returned model as {@code panel}, in {@link #order()}. Answer empty to
 * leave the section out (nothing to show, or not for this user).
 */
public interface AgentPanel {

    record Section(String template, String fragment, Map<String, Object> model) {
    }

    int order();

    Optional<Section> section(Agent agent, CurrentUser user);
}
