/**
 * When agents can work and what they would rather work: weekly availability windows and dated unavailability
 * (entered by the agent's lead or a planner, visible to the agent), and the agent's own preferences (days off,
 * early or late shifts, a preferred shift template). Rosters read them through {@link
 * com.timebank.wfm.availability.AvailabilityService#forRoster}: availability is a hard rule, preferences are soft.
 */
package com.timebank.wfm.availability;
