package com.circoflows.api.pages;

import static java.util.Map.entry;

import java.util.Map;

/** The customer pages in Japanese, in the polite register (です・ます). */
final class JapaneseTexts {
    static final Map<Text, String> TEXTS = Map.ofEntries(
            entry(Text.PAY_MERCHANT, "{merchant}へのお支払い"),
            entry(Text.PAY_AMOUNT, "{amount}を支払う"),
            entry(Text.PAY_WITH_CARD, "カードで支払う"),
            entry(Text.ERROR_TITLE_PREFIX, "エラー: "),
            entry(Text.TEST_MODE, "テストモード"),
            entry(Text.TEST_MODE_HINT, "テストモードでは実際のお金は動きません"),
            entry(Text.CONTACT_INFORMATION, "連絡先"),
            entry(Text.CARD_DETAILS, "カード情報"),
            entry(Text.EMAIL, "メールアドレス"),
            entry(Text.CARD_NUMBER, "カード番号"),
            entry(Text.EXPIRY_DATE, "有効期限"),
            entry(Text.SECURITY_CODE, "セキュリティコード"),
            entry(Text.NAME_ON_CARD, "カード名義"),
            entry(Text.EXPIRY_FORMAT, "MM / YY"),
            entry(Text.CVC_HINT, "3桁または4桁"),
            entry(Text.SECURE_NOTE, "カード情報は暗号化され、決済代行会社にのみ送信されます。{merchant}に送信されることは"
                    + "ありません。"),
            entry(Text.ONE_PROBLEM, "入力内容に問題があります"),
            entry(Text.PROBLEMS, "入力内容に複数の問題があります"),
            entry(Text.PROCESSING, "処理しています…"),
            entry(Text.RE_ENTER_CARD, "セキュリティのため、カード番号とセキュリティコードをもう一度入力してください。"),

            entry(Text.ENTER_EMAIL, "メールアドレスを入力してください。"),
            entry(Text.INVALID_EMAIL, "有効なメールアドレスを入力してください（例: name@example.com）。"),
            entry(Text.ENTER_CARD_NUMBER, "カード番号を入力してください。"),
            entry(Text.INCOMPLETE_CARD_NUMBER, "カード番号が最後まで入力されていません。"),
            entry(Text.INVALID_CARD_NUMBER, "カード番号が正しくありません。ご確認のうえ、もう一度お試しください。"),
            entry(Text.ENTER_EXPIRY, "有効期限を MM / YY の形式で入力してください。"),
            entry(Text.INVALID_EXPIRY, "有効な有効期限を MM / YY の形式で入力してください。"),
            entry(Text.EXPIRED, "カードの有効期限が過ぎています。"),
            entry(Text.ENTER_CVC, "セキュリティコードを入力してください。"),
            entry(Text.INVALID_CVC, "カード裏面に記載の3桁のコードを入力してください。"),
            entry(Text.INVALID_AMEX_CVC, "カード表面に記載の4桁のコードを入力してください。"),
            entry(Text.ENTER_NAME, "カードに記載のお名前を入力してください。"),
            entry(Text.NAME_TOO_LONG, "カード名義が長すぎます。"),

            entry(Text.FAILED_TITLE, "お支払いが完了しませんでした"),
            entry(Text.BANK_DID_NOT_CONFIRM_TITLE, "カード発行会社でこのお支払いが確認されませんでした"),
            entry(Text.COULD_NOT_PROCESS_TITLE, "カードを処理できませんでした"),
            entry(Text.CARD_DECLINED, "カードが承認されませんでした。別のカードをお試しください。"),
            entry(Text.INSUFFICIENT_FUNDS, "カードのご利用可能額が不足しています。別のカードをお試しください。"),
            entry(Text.CARD_EXPIRED, "カードの有効期限が切れています。別のカードをお試しください。"),
            entry(Text.WRONG_CVC, "入力されたセキュリティコードが正しくありません。ご確認いただくか、別のカードをお試しください。"),
            entry(Text.WRONG_CARD_NUMBER, "カード番号が正しくありません。ご確認いただくか、別のカードをお試しください。"),
            entry(Text.NOT_CHARGED_TRY_AGAIN, "請求は発生していません。もう一度お試しいただくか、別のカードをご利用ください。"),
            entry(Text.THREE_D_SECURE_FAILED, "カード発行会社による本人認証（3-Dセキュア）に失敗したため、請求は発生していません。"
                    + "もう一度お試しいただくか、別のカードをご利用ください。"),
            entry(Text.NOT_CHARGED_OTHER_CARD, "請求は発生していません。もう一度お試しいただくか、別のカードをご利用ください。"),

            entry(Text.PAYMENT_SUCCESSFUL, "お支払いが完了しました"),
            entry(Text.YOU_PAID, "{merchant}へ{amount}をお支払いいただきました。"),
            entry(Text.PAID_FOR, "内容"),
            entry(Text.REFERENCE, "お取引番号"),
            entry(Text.PAID_ON, "お支払い日時"),
            entry(Text.RETURN_TO, "{merchant}に戻る"),
            entry(Text.TAKING_YOU_BACK, "まもなく{merchant}のページに戻ります…"),
            entry(Text.CLOSE_THIS_PAGE, "このページを閉じていただいて問題ありません。"),

            entry(Text.PAYMENT_IN_PROGRESS, "お支払い処理中"),
            entry(Text.IN_PROGRESS_TITLE, "お支払いを処理しています"),
            entry(Text.IN_PROGRESS_LEAD, "{merchant}への{amount}のお支払いを確認しています。通常は数秒で完了します。"),
            entry(Text.DO_NOT_PAY_AGAIN, "再度お支払いにならないでください。このページは自動的に更新されます。"),
            entry(Text.CHECK_AGAIN, "もう一度確認する"),

            entry(Text.CANCELLED_TITLE, "このお支払いはキャンセルされました"),
            entry(Text.CANCELLED_LEAD, "{merchant}により、{amount}のお支払いのご依頼はキャンセルされました。請求は発生して"
                    + "いません。"),
            entry(Text.CANCELLED_NEXT, "引き続きお支払いをご希望の場合は、{merchant}に戻って最初からやり直すか、{merchant}に"
                    + "お問い合わせください。"),
            entry(Text.EXPIRED_TITLE, "このお支払いリンクは有効期限が切れています"),
            entry(Text.EXPIRED_LEAD, "{merchant}への{amount}のお支払い期限が過ぎたため、このリンクはご利用いただけません。"
                    + "請求は発生していません。"),
            entry(Text.EXPIRED_NEXT, "お支払いには、{merchant}に戻って最初からやり直してください。新しいお支払いリンクが"
                    + "発行されます。"),

            entry(Text.LOCKED_TITLE, "お支払いの試行回数が多すぎます"),
            entry(Text.LOCKED_LEAD, "セキュリティのため、{merchant}への{amount}のお支払いを{time}まで（約{minutes}）"
                    + "停止しています。請求は発生していません。"),
            entry(Text.ONE_MINUTE, "1分"),
            entry(Text.MINUTES, "{count}分"),
            entry(Text.LOCKED_NEXT, "その後、有効なカードでもう一度お試しいただくか、{merchant}にお問い合わせください。"),
            entry(Text.BACK_TO_PAYMENT_PAGE, "お支払いページに戻る"),
            entry(Text.SENTENCE_END, "。"),

            entry(Text.CANNOT_CHANGE_TITLE, "このお支払いは現在変更できません"),
            entry(Text.CANNOT_CHANGE_TEXT, "お支払いページを開き直して、現在の状況をご確認ください。"),
            entry(Text.OPEN_PAYMENT_PAGE, "お支払いページを開く"),
            entry(Text.COULD_NOT_TAKE_TITLE, "このお支払いをお受けできませんでした"),
            entry(Text.COULD_NOT_TAKE_TEXT, "お支払いは完了していません。お支払いページをご確認のうえ、もう一度お試しください。"),
            entry(Text.UNREACHABLE_TITLE, "決済サービスに接続できませんでした"),
            entry(Text.UNREACHABLE_TEXT, "お支払いは完了していません。しばらくしてからもう一度お試しください。"),
            entry(Text.TRY_AGAIN, "もう一度試す"),
            entry(Text.OUR_FAILURE_TITLE, "システムエラーが発生しました"),
            entry(Text.OUR_FAILURE_TEXT, "二重払いを防ぐため、もう一度お試しになる前にお支払いページをご確認ください。"),
            entry(Text.CHECK_THE_PAYMENT, "お支払いを確認する"),
            entry(Text.PAGE_EXPIRED_TITLE, "このページの有効期限が切れました"),
            entry(Text.PAGE_EXPIRED_TEXT, "セキュリティのため、お支払いページを再読み込みし、カード情報をもう一度入力して"
                    + "ください。請求は発生していません。"),
            entry(Text.RELOAD_PAYMENT_PAGE, "お支払いページを再読み込みする"),
            entry(Text.NOT_FOUND_TITLE, "このお支払いが見つかりません"),
            entry(Text.NOT_FOUND_TEXT, "リンクが途中で切れているか、誤っている可能性があります。受け取ったリンクをご確認"
                    + "いただくか、ショップに戻って最初からやり直してください。"),

            entry(Text.CHALLENGE_BADGE, "テストモード: 模擬カード発行会社"),
            entry(Text.CHALLENGE_DOCUMENT_TITLE, "お支払いの確認"),
            entry(Text.CHALLENGE_TITLE, "ご本人確認"),
            entry(Text.CHALLENGE_LEAD, "カード発行会社が、このお支払いの承認をお願いしています（3-Dセキュア）。"),
            entry(Text.MERCHANT, "加盟店"),
            entry(Text.AMOUNT, "金額"),
            entry(Text.CARD, "カード"),
            entry(Text.AUTHENTICATE, "認証する"),
            entry(Text.FAIL_AUTHENTICATION, "認証を失敗させる"),
            entry(Text.AUTHENTICATION_DOCUMENT_TITLE, "お支払いの認証"),
            entry(Text.AUTHENTICATION_COMPLETE, "認証が完了しました"),
            entry(Text.AUTHENTICATION_FAILED, "認証に失敗しました"),
            entry(Text.YOU_APPROVED, "{merchant}への{amount}のお支払いを承認しました。"),
            entry(Text.YOU_DID_NOT_APPROVE, "{merchant}への{amount}のお支払いは承認されませんでした。"),
            entry(Text.CONTINUE, "続ける"),
            entry(Text.CLOSE_AND_RETURN, "このページを閉じて、加盟店のページにお戻りください。"),
            entry(Text.RETURN_TO_MERCHANT, "加盟店に戻る"),
            entry(Text.CHALLENGE_PROBLEM_TITLE, "このお支払いを表示できません"),
            entry(Text.CHALLENGE_UNREACHABLE, "現在カード発行会社に接続できません。しばらくしてからもう一度お試しください。"),
            entry(Text.CHALLENGE_OUR_FAILURE, "システムエラーが発生しました。もう一度お試しください。"),
            entry(Text.CHALLENGE_PAGE_EXPIRED, "このページの有効期限が切れました。前のページに戻り、再読み込みしてからもう一度"
                    + "お試しください。"),
            entry(Text.CHALLENGE_CHOOSE, "「認証する」または「認証を失敗させる」を選択してください。"),
            entry(Text.CHALLENGE_NOT_FOUND, "このお支払いは存在しないか、リンクが途中で切れています。"),
            entry(Text.CHALLENGE_CANNOT_CHANGE, "このお支払いはすでに認証できません。"),

            entry(Text.PAY_BY_BANK_TRANSFER, "銀行振込で支払う"),
            entry(Text.BANK_TRANSFER, "銀行振込"),
            entry(Text.PAYMENT_METHOD, "お支払い方法"),
            entry(Text.OR_DIVIDER, "または"),
            entry(Text.TRANSFER_OPTION_TEXT, "{amount}を銀行口座からお支払いください（{scheme}）。振込先口座と振込参照番号をお知らせします。入金が確認された時点でお支払い"
                    + "が完了します。"),
            entry(Text.ACCOUNT_HOLDER_NAME, "口座名義"),
            entry(Text.ENTER_ACCOUNT_HOLDER, "口座名義を入力してください。"),
            entry(Text.ACCOUNT_HOLDER_TOO_LONG, "口座名義が長すぎます。"),
            entry(Text.SCHEME_SEPA, "SEPA送金"),
            entry(Text.SCHEME_FASTER_PAYMENTS, "Faster Payments"),
            entry(Text.SCHEME_ACH, "ACHまたは電信送金"),
            entry(Text.TRANSFER_TITLE, "銀行振込でお支払いを完了してください"),
            entry(Text.TRANSFER_LEAD, "{merchant}への{amount}のお支払いには、銀行のアプリまたはウェブサイトから以下の内容でお振込みください。"),
            entry(Text.TRANSFER_RECEIVED, "これまでに{received}を受け取りました。残りの{remaining}をお振込みください。"),
            entry(Text.AMOUNT_REMAINING, "残りのお支払い額"),
            entry(Text.BENEFICIARY, "受取人"),
            entry(Text.IBAN, "IBAN"),
            entry(Text.BIC, "BIC（SWIFTコード）"),
            entry(Text.ACCOUNT_NUMBER, "口座番号"),
            entry(Text.SORT_CODE, "ソートコード"),
            entry(Text.ROUTING_NUMBER, "ルーティング番号（ABA）"),
            entry(Text.PAYMENT_REFERENCE, "振込参照番号"),
            entry(Text.PAY_BY, "お支払い期限"),
            entry(Text.REFERENCE_NOTE, "お支払いをこのご注文と照合できるよう、振込参照番号は表示どおりに正確に入力してください。"),
            entry(Text.COMPLETES_WHEN_MONEY_ARRIVES, "入金が確認された時点でお支払いが完了します。通常は数時間以内、遅くとも3営業日以内です。このページを閉じても、このリンクから"
                    + "いつでも入金状況を確認できます。"),
            entry(Text.COPY, "コピー"),
            entry(Text.COPIED, "コピーしました"),
            entry(Text.COPIED_STATUS, "{field}をクリップボードにコピーしました。"),
            entry(Text.TRANSFER_EXPIRED_TITLE, "期限までにお振込みが確認できませんでした"),
            entry(Text.TRANSFER_EXPIRED_TEXT, "期日までに全額の入金がなかったため、このお振込みではお支払いを完了できません。受け取った金額は返金されます。以下から改めてお支払いいただけ"
                    + "ます。"),

            entry(Text.WALLETS_TITLE, "ウォレットで支払う"),
            entry(Text.PAY_WITH_GOOGLE_PAY, "Google Payで支払う"),
            entry(Text.PAY_WITH_APPLE_PAY, "Apple Payで支払う"),
            entry(Text.TEST_WALLETS_TITLE, "テストモード：ウォレット"),
            entry(Text.TEST_WALLETS_HINT, "実際のウォレットは必要ありません。テストモードでは、選択したテストカードについて本物と同じ形式のウォレットトークンを作成し、実際のウォレット"
                    + "のトークンと同じ方法でお支払いします。実際のお金は動きません。"),
            entry(Text.TEST_CARD, "テストカード"),
            entry(Text.TEST_CARD_SUCCEEDS, "{digits}：お支払い成功"),
            entry(Text.TEST_CARD_DECLINED, "{digits}：カード拒否"),
            entry(Text.TEST_CARD_THREE_D_SECURE, "{digits}：3-Dセキュア認証あり"),
            entry(Text.PAY_WITH_TEST_GOOGLE_PAY, "テストモード：Google Payのテストトークンで支払う"),
            entry(Text.PAY_WITH_TEST_APPLE_PAY, "テストモード：Apple Payのテストトークンで支払う"),
            entry(Text.WALLET_PAYMENT_REFUSED, "ウォレットのお支払い情報を使用できなかったため、請求は発生していません。もう一度お試しいただくか、カードをご利用ください。"),

            entry(Text.THE_MERCHANT, "加盟店"));

    private JapaneseTexts() {
    }
}
