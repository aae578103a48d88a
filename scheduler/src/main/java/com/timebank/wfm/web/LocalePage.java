package com.timebank.wfm.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The language switch in every page's header: the {@code LocaleChangeInterceptor} has already applied
 * {@code lang}; this sends the browser back to the page it came from (a path of this site only).
 */
@Controller
class LocalePage {

    @PostMapping("/locale")
    String change(@RequestParam(name = "back", required = false) String back) {
        return "redirect:" + (isLocalPath(back) ? back : "/");
    }

    static boolean isLocalPath(String path) {
        return path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\")
                && path.chars().noneMatch(Character::isISOControl);
    }
}
