package org.nuanxin.service.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** The pages' own words in Chinese and English, side by side; the rules' words come from the engine. */
final class Texts {

    private static final String[][] WORDS = {
        {"title", "暖新 · 新就业形态劳动者权益查询", "Nuanxin · what your union offers you"},
        {
            "lead",
            "回答几个问题，看看工会能为你提供哪些帮助。不需要注册，也不保存任何信息。",
            "Answer a few questions to see what your trade union offers you. No account, and nothing is kept."
        },
        {"start", "开始", "Start"},
        {"switch", "English", "中文"},
        {"switchLang", "en", "zh"},
        {"next", "下一步", "Next"},
        {"skip", "不知道 / 跳过", "Don't know / skip"},
        {"back", "返回上一题", "Back"},
        {"yes", "是", "Yes"},
        {"no", "否", "No"},
        {"why", "为什么问这个？", "Why do we ask?"},
        {"answered", "已回答", "Answered"},
        {"questions", "题", "question(s)"},
        {"choose", "请选择", "Choose"},
        {"placeHint", "城市或区县名称（如 雁塔区、青岛），或6位行政区划代码", "A city or district (e.g. Yanta, Qingdao) or its 6-digit code"},
        {"dateHint", "日期，如 1990-05-01", "A date, e.g. 1990-05-01"},
        {"moneyHint", "金额（元），如 356.50", "An amount in CNY, e.g. 356.50"},
        {"countHint", "数量，如 2", "A number, e.g. 2"},
        {"error", "这个回答无法识别：", "That answer was not understood: "},
        {"result", "你的结果", "Your result"},
        {"eligible", "可以申请", "You can apply"},
        {"needsInfo", "还需了解", "We need to know more"},
        {"possible", "如遇以下情况可申请", "If this happens, you can apply"},
        {"notEligible", "不符合", "Not for you now"},
        {"whyResult", "为什么？", "Why?"},
        {"apply", "申请：", "Apply to: "},
        {"missing", "还需要：", "Still needed: "},
        {"clause", "依据", "Source"},
        {"print", "打印结果", "Print"},
        {"restart", "重新开始", "Start again"},
        {"none", "暂无", "None"},
        {"asOf", "评估日期", "Assessed on"},
        {"progress", "进度", "Progress"},
        {"staffTitle", "工会工作人员 · 发放与名额", "Union staff · grants and places"},
        {"member", "会员编号", "Member id"},
        {"lookup", "查询领取记录", "Look up claims"},
        {"claims", "领取记录", "Claims"},
        {"caseLabel", "情况（场景格式，YAML 或 JSON）", "The case (scenario format, YAML or JSON)"},
        {"assess", "评估", "Assess"},
        {"grant", "发放", "Grant"},
        {"decisions", "评估结果", "Decisions"},
        {"quotas", "名额", "Places"},
        {"region", "地区", "Region"},
        {"year", "年度", "Year"},
        {"show", "查看", "Show"},
        {"benefit", "项目", "Benefit"},
        {"status", "状态", "Status"},
        {"amount", "金额/价值", "Amount or value"},
        {"reasons", "理由", "Reasons"},
        {"places", "名额", "Places"},
        {"used", "已用", "Used"},
        {"left", "剩余", "Left"},
        {"waitlisted", "候补", "Waiting list"},
        {"date", "日期", "Date"},
        {"position", "候补序号", "Waiting-list position"},
        {"record", "决定记录", "Decision record"},
        {"outcome", "发放结果", "Grant"},
        {"refused", "未能发放：", "Not granted: "},
        {"login", "工作人员登录", "Staff sign-in"},
        {"username", "用户名", "User name"},
        {"password", "密码", "Password"},
        {"signIn", "登录", "Sign in"},
        {"loginFailed", "用户名或密码不正确。", "Wrong user name or password."},
        {"loggedOut", "已退出。", "Signed out."},
        {"logout", "退出", "Sign out"},
    };

    private static final Map<String, String> ZH = new LinkedHashMap<>();
    private static final Map<String, String> EN = new LinkedHashMap<>();

    static {
        for (String[] w : WORDS) {
            ZH.put(w[0], w[1]);
            EN.put(w[0], w[2]);
        }
    }

    private Texts() {}

    /** The words in {@code lang} ({@code en}, else Chinese). */
    static Map<String, String> of(String lang) {
        return "en".equals(lang) ? EN : ZH;
    }
}
