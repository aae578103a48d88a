package com.timebank.wfm.roster;

import java.util.List;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.timebank.wfm.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/centers/{center}/shift-templates")
@Tag(name = "Roster")
class ShiftTemplateController {

    private final ShiftTemplateService templates;

    ShiftTemplateController(ShiftTemplateService templates) {
        this.templates = templates;
    }

    record Change(List<ShiftTemplate> templates) {
    }

    @GetMapping
    @Operation(summary = "The center's shift templates (planner/admin); defaults=true: the built-in ones")
    ShiftTemplateService.Templates get(@PathVariable String center, CurrentUser user) {
        return templates.templates(center, user);
    }

    @PutMapping
    @Operation(summary = "Replace the center's shift templates {templates: [{code, queue, lengthMinutes, "
            + "mealBreakMinutes, mealWindowStart, mealWindowEnd, shortBreaks, shortBreakMinutes, firstStart, lastStart, "
            + "startEveryMinutes}]} (planner/admin); 400 lists every bad field")
    ShiftTemplateService.Templates put(@PathVariable String center, @RequestBody Change change, CurrentUser user) {
        return templates.replace(center, change == null ? null : change.templates(), user);
    }

    @DeleteMapping
    @Operation(summary = "Back to the built-in shift templates (planner/admin)")
    ShiftTemplateService.Templates reset(@PathVariable String center, CurrentUser user) {
        return templates.reset(center, user);
    }
}
