package com.timebank.wfm.web.admin;

/** A new center: its code, name, time zone (a region id) and interval length. */
public class CenterForm {

    private String code;
    private String name;
    private String timeZone = "Asia/Shanghai";
    private Integer intervalMinutes = 30;

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public Integer getIntervalMinutes() {
        return intervalMinutes;
    }

    public void setIntervalMinutes(Integer intervalMinutes) {
        this.intervalMinutes = intervalMinutes;
    }
}
