package com.timebank.wfm.web.admin;

import java.util.ArrayList;
import java.util.List;

/** A new user: sign-in name, first password, role, and the scope the role needs. */
public class UserForm {

    private String username;
    private String password;
    private String role;
    private String employeeNo;
    private List<String> centerCodes = new ArrayList<>();
    private List<String> teamCodes = new ArrayList<>();

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getEmployeeNo() {
        return employeeNo;
    }

    public void setEmployeeNo(String employeeNo) {
        this.employeeNo = employeeNo;
    }

    public List<String> getCenterCodes() {
        return centerCodes;
    }

    public void setCenterCodes(List<String> centerCodes) {
        this.centerCodes = centerCodes == null ? new ArrayList<>() : centerCodes;
    }

    public List<String> getTeamCodes() {
        return teamCodes;
    }

    public void setTeamCodes(List<String> teamCodes) {
        this.teamCodes = teamCodes == null ? new ArrayList<>() : teamCodes;
    }
}
