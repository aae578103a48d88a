package com.timebank.wfm.web.admin;

import com.timebank.wfm.web.HoursMinutes;

/**
 * A new agent: employee number, name, team ({@code CENTER/TEAM}), weekly contract and skills. The contract is held
 * in minutes and typed and shown as hours and minutes ({@code 40:00}).
 */
public class AgentForm {

    private String employeeNo;
    private String name;
    private String team;
    @HoursMinutes
    private Integer weeklyMinMinutes = 2400;
    @HoursMinutes
    private Integer weeklyMaxMinutes = 2400;
    private String skills = "voice";

    public String getEmployeeNo() {
        return employeeNo;
    }

    public void setEmployeeNo(String employeeNo) {
        this.employeeNo = employeeNo;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getTeam() {
        return team;
    }

    public void setTeam(String team) {
        this.team = team;
    }

    public Integer getWeeklyMinMinutes() {
        return weeklyMinMinutes;
    }

    public void setWeeklyMinMinutes(Integer weeklyMinMinutes) {
        this.weeklyMinMinutes = weeklyMinMinutes;
    }

    public Integer getWeeklyMaxMinutes() {
        return weeklyMaxMinutes;
    }

    public void setWeeklyMaxMinutes(Integer weeklyMaxMinutes) {
        this.weeklyMaxMinutes = weeklyMaxMinutes;
    }

    public String getSkills() {
        return skills;
    }

    public void setSkills(String skills) {
        this.skills = skills;
    }
}
