using GenderPlan.Core.Domain;

namespace GenderPlan.Core.Text;

/// <summary>What the upload workflow and the web answers say.</summary>
public static partial class Messages
{
#pragma warning disable CS1591 // Each entry's code and words are its documentation.
    public static readonly MessageTemplate SenderIsGroup = new("upload.sender-is-group", "{0} là địa chỉ chung của UBND các xã, thị trấn, không tự gửi báo cáo: UBND từng xã, thị trấn gửi báo cáo của địa phương mình vào reports/ubnd-<xã>/<tệp>", "{0} stands for all the commune People's Committees and sends no report itself: each committee uploads its own commune's report as reports/ubnd-<commune>/<file>");
    public static readonly MessageTemplate CommuneSendsDistrict = new("upload.commune-sends-district", "{0} là UBND cấp xã: chỉ báo cáo cho xã, thị trấn của mình, không báo cáo cho {1}; báo cáo của huyện do các phòng, ban chủ trì gửi", "{0} is a commune People's Committee: it reports for its commune, not for {1} as a whole; the district's report comes from the lead departments");
    public static readonly MessageTemplate CommuneSendsOther = new("upload.commune-sends-other", "{0} chỉ báo cáo cho {1}, không báo cáo cho {2}: báo cáo của mỗi xã, thị trấn do UBND xã, thị trấn đó gửi", "{0} answers for {1}, not for {2}: each commune's report comes from its own People's Committee");
    // {1}/{2} and {3}/{4} are the lead's and the sender's names in Vietnamese and English: each language picks its own.
    public static readonly MessageTemplate NotTheLead = new("upload.not-the-lead", "{0} do {1} chủ trì báo cáo; {3} không báo cáo chỉ tiêu này", "{0} is reported by its lead, {2}; {4} does not report this indicator");
    // {2}/{3} the commune committee's names, {4}/{5} the sender's.
    public static readonly MessageTemplate NotTheCommittee = new("upload.not-the-committee", "Số liệu {0} của {1} do {2} báo cáo; {4} không báo cáo số liệu của xã, thị trấn", "{0} for {1} is reported by {3}; {5} does not report a commune's figures");
    public static readonly MessageTemplate SenderUnknown = EnglishOnly("upload.sender-unknown", "the sending unit is unknown: upload the file as reports/<unit>/{0}, where <unit> is one of {1}");
    public static readonly MessageTemplate UnreadableName = EnglishOnly("upload.unreadable-name", "the file's name has '.' or '..' folders, a backslash or a control character, so it cannot be read by its name: upload it again as reports/<unit>/<file name>");
    public static readonly MessageTemplate ProcessingFailed = new("upload.processing-failed", "{0}", "{0}");
    public static readonly MessageTemplate GaveUp = new("upload.gave-up", "Hệ thống chưa xử lý được tệp này sau {0} lần thử (lỗi lưu trữ hoặc máy chủ); tệp được giữ nguyên, chưa có kết quả nào được lưu. Đề nghị gửi lại sau ít phút; bộ phận kỹ thuật xem chi tiết trong nhật ký.", "The system could not process this file after {0} attempts (a storage or server fault); the file is kept and nothing from it was stored. Send it again in a few minutes; the technical staff find the details in the log.");
    public static readonly MessageTemplate SetAside = new("upload.set-aside", "Lần xử lý trước của tệp này bị dừng đột ngột; tệp được để riêng, không đọc lại.", "The previous attempt at this file ended abruptly; the file is set aside and not read again.");

    public static readonly MessageTemplate NoRulesForReports = new("web.no-rules-for-reports", "Chưa có bộ chỉ tiêu nào được áp dụng; chưa thể nhận báo cáo.", "No rules are active yet, so no report can be received.");
    public static readonly MessageTemplate NoIndicatorsYet = new("web.no-indicators-yet", "Chưa có bộ chỉ tiêu nào được áp dụng.", "No rules are active yet.");
    public static readonly MessageTemplate NoRulesYet = new("web.no-rules-yet", "Chưa có bộ quy tắc nào được áp dụng.", "No rules are active yet.");
    public static readonly MessageTemplate NoSuchUpload = new("web.no-such-upload", "Không tìm thấy lần gửi báo cáo này.", "No such upload.");
    public static readonly MessageTemplate UnknownUnit = new("web.unknown-unit", "Không có đơn vị '{0}' trong danh sách đơn vị của kế hoạch.", "There is no unit '{0}' in the plan's units.");
    public static readonly MessageTemplate TemplateQuery = new("web.template-query", "Tham số: format=xlsx|csv, period=YYYY hoặc YYYY-H1", "format=xlsx|csv, period=YYYY or YYYY-H1");
    // {0} is the plan's coordinator as units.json names it, in the reader's language.
    public static readonly MessageTemplate CoordinatorOnly = new("web.coordinator-only", "Chỉ {0} được sửa bộ quy tắc; đường liên kết của đơn vị chỉ để xem.", "Only {0} may change the rules; your unit's link can read them.");
    public static readonly MessageTemplate LinkMissing = new("web.link-missing", "Thiếu mã truy cập: hãy mở đúng đường liên kết gửi báo cáo mà {0} đã gửi cho đơn vị.", "The link has no access code: open the upload link {0} sent to your unit.");
    public static readonly MessageTemplate LinkInvalid = new("web.link-invalid", "Đường liên kết không còn hiệu lực hoặc không đúng. Đề nghị liên hệ {0} để nhận đường liên kết mới.", "This link is wrong or no longer valid. Ask {0} for a new one.");
    public static readonly MessageTemplate LinkOtherUnit = new("web.link-other-unit", "Đường liên kết này là của đơn vị khác: mỗi đơn vị chỉ gửi báo cáo của mình bằng đường liên kết của mình.", "This link belongs to another unit: each unit sends its own reports with its own link.");
    public static readonly MessageTemplate LinkThrottled = new("web.link-throttled", "Có quá nhiều lần thử với đường liên kết sai từ địa chỉ này. Đề nghị thử lại sau ít phút.", "Too many attempts with a wrong link from this address. Try again in a few minutes.");
    public static readonly LocalizedText AnyCoordinator = new("cơ quan điều phối kế hoạch", "the plan's coordinating office");
    public static readonly MessageTemplate RulesChangedMeanwhile = new("web.rules-changed-meanwhile", "Bộ quy tắc vừa được người khác thay đổi (phiên bản đang áp dụng: {0}); thay đổi của bạn chưa được áp dụng. Đề nghị tải lại trang và sửa lại.", "Someone else changed the rules meanwhile (now in force: {0}); your change was not applied. Reload the page and make it again.");
    public static readonly MessageTemplate EditTooLarge = new("web.edit-too-large", "Đề nghị gửi các thay đổi dưới dạng JSON, tối đa 256 KB, khi đã có bộ quy tắc được áp dụng.", "send the changes as JSON of at most 256 KB, once rules are active");
    public static readonly MessageTemplate EditUnreadable = new("web.edit-unreadable", "Các thay đổi không phải là JSON đọc được: {0}", "the changes are not readable JSON: {0}");
    public static readonly MessageTemplate NoSuchReport = new("web.no-such-report", "Không tìm thấy báo cáo này.", "No such report.");
    public static readonly MessageTemplate ApprovalNotUsed = new("web.approval-not-used", "Kế hoạch của báo cáo này không áp dụng việc duyệt báo cáo: mọi báo cáo hợp lệ đều được tính.", "The plan of this report does not use approval: every accepted report counts.");
    // {0} is the plan's coordinator as units.json names it, in the reader's language.
    public static readonly MessageTemplate MayNotDecide = new("web.may-not-decide", "Đơn vị không có thẩm quyền duyệt hoặc trả lại báo cáo này; đề nghị liên hệ {0}.", "Your unit may not approve or return this report; ask {0}.");
    public static readonly MessageTemplate UnknownDecision = new("web.unknown-decision", "Quyết định phải là \"approve\" (duyệt) hoặc \"return\" (trả lại).", "The decision must be \"approve\" or \"return\".");
    public static readonly MessageTemplate ReasonMissing = new("web.reason-missing", "Đề nghị ghi rõ lý do trả lại báo cáo để đơn vị biết nội dung cần chỉnh sửa.", "Give the reason for returning the report, so the unit knows what to correct.");
    // {0} is the longest reason allowed, in characters.
    public static readonly MessageTemplate ReasonTooLong = new("web.reason-too-long", "Lý do trả lại dài quá {0} ký tự; đề nghị viết ngắn gọn.", "The reason is longer than {0} characters; shorten it.");
    // {0}/{1} the decision already taken, in Vietnamese and English.
    public static readonly MessageTemplate AlreadyDecided = new("web.already-decided", "Báo cáo này đã có quyết định: {0}. Quyết định đầu tiên được giữ nguyên; nếu cần, đơn vị gửi báo cáo đã chỉnh sửa qua đường liên kết của mình.", "This report was already decided: {1}. The first decision stands; if needed, the unit sends a corrected report through its link.");
    public static readonly MessageTemplate NotAPeriodQuery = new("web.not-a-period", "'{0}' không phải là kỳ báo cáo; ghi YYYY hoặc YYYY-H1", "'{0}' is not a period; write YYYY or YYYY-H1");
    /// <summary>Arguments: the period's Vietnamese label, its English label, the plan's first and last years.</summary>
    public static readonly MessageTemplate PeriodNotInPlan = new("web.period-not-in-plan", "Kế hoạch đang áp dụng không có {0}: kế hoạch thực hiện từ năm {2} đến năm {3}", "the plan in force has no {1}: it runs from {2} to {3}");
    public static readonly MessageTemplate NoPlanIncludes = new("web.no-plan-includes", "Không kế hoạch nào đang áp dụng có địa bàn '{0}'", "no active plan includes '{0}'");
#pragma warning restore CS1591
}
