import type { Messages } from "@/lib/i18n/lang";

export const loginMessages = {
  zh: {
    title: "管理员登录",
    intro: "浏览数据无需登录；上传、更正和删除报告需要管理员密码。",
    password: "管理员密码",
    submit: "登录",
    submitting: "正在登录…",
    hint: "密码来自环境变量 ADMIN_PASSWORD；未设置时，npm start 会生成一个，保存在 .data/admin-password 并在启动时打印。",
    errors: {
      wrong_password: "密码错误。",
      password_required: "请输入密码。",
      too_many_attempts: "密码错误次数过多，请稍后再试。",
      no_admin_password: "尚未设置管理员密码：设置 ADMIN_PASSWORD 或运行 npm start 生成。",
      cross_origin: "拒绝跨站登录请求。",
      network: "无法连接服务器，请检查网络后重试。",
    } as Record<string, string>,
    signedIn: "已登录。",
  },
  en: {
    title: "Admin sign-in",
    intro: "Browsing needs no sign-in; uploading, correcting and deleting reports need the admin password.",
    password: "Admin password",
    submit: "Sign in",
    submitting: "Signing in…",
    hint: "The password comes from ADMIN_PASSWORD; when unset, npm start generates one, keeps it in .data/admin-password and prints it at start.",
    errors: {
      wrong_password: "Wrong password.",
      password_required: "Enter the password.",
      too_many_attempts: "Too many wrong passwords; try again later.",
      no_admin_password: "No admin password is set: set ADMIN_PASSWORD or run npm start to generate one.",
      cross_origin: "Cross-site sign-in refused.",
      network: "Cannot reach the server; check the connection and try again.",
    } as Record<string, string>,
    signedIn: "Signed in.",
  },
} satisfies Messages<unknown>;

export type LoginMessages = (typeof loginMessages)["zh"];
