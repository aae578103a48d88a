/**
 * The staffing capability's application service (requirements of a forecast under a center's effective-dated
 * policy) and HTTP API over the Erlang formulas of {@code staffing}. Other modules use it, so it is a named
 * interface.
 */
@NamedInterface("app")
package com.timebank.wfm.staffing.app;

import org.springframework.modulith.NamedInterface;
