package com.circoflows.api.pages;

import static java.util.Map.entry;

import java.util.Map;

/** The customer pages in English. */
final class EnglishTexts {
    static final Map<Text, String> TEXTS = Map.ofEntries(
            entry(Text.PAY_MERCHANT, "Pay {merchant}"),
            entry(Text.PAY_AMOUNT, "Pay {amount}"),
            entry(Text.PAY_WITH_CARD, "Pay with card"),
            entry(Text.ERROR_TITLE_PREFIX, "Error: "),
            entry(Text.TEST_MODE, "Test mode"),
            entry(Text.TEST_MODE_HINT, "No real money moves in test mode"),
            entry(Text.CONTACT_INFORMATION, "Contact information"),
            entry(Text.CARD_DETAILS, "Card details"),
            entry(Text.EMAIL, "Email"),
            entry(Text.CARD_NUMBER, "Card number"),
            entry(Text.EXPIRY_DATE, "Expiry date"),
            entry(Text.SECURITY_CODE, "Security code"),
            entry(Text.NAME_ON_CARD, "Name on card"),
            entry(Text.EXPIRY_FORMAT, "MM / YY"),
            entry(Text.CVC_HINT, "3 or 4 digits"),
            entry(Text.SECURE_NOTE, "Your card details are encrypted and sent only to the payment processor, "
                    + "never to {merchant}."),
            entry(Text.ONE_PROBLEM, "There is a problem"),
            entry(Text.PROBLEMS, "There are problems"),
            entry(Text.PROCESSING, "Processing…"),
            entry(Text.RE_ENTER_CARD, "For your security, enter your card number and security code again."),

            entry(Text.ENTER_EMAIL, "Enter your email address."),
            entry(Text.INVALID_EMAIL, "Enter a valid email address, like name@example.com."),
            entry(Text.ENTER_CARD_NUMBER, "Enter your card number."),
            entry(Text.INCOMPLETE_CARD_NUMBER, "Your card number is incomplete."),
            entry(Text.INVALID_CARD_NUMBER, "Your card number is invalid. Check it and try again."),
            entry(Text.ENTER_EXPIRY, "Enter the expiry date, as MM / YY."),
            entry(Text.INVALID_EXPIRY, "Enter a valid expiry date, as MM / YY."),
            entry(Text.EXPIRED, "Your card's expiry date is in the past."),
            entry(Text.ENTER_CVC, "Enter the security code."),
            entry(Text.INVALID_CVC, "Enter the 3-digit code from the back of your card."),
            entry(Text.INVALID_AMEX_CVC, "Enter the 4-digit code from the front of your card."),
            entry(Text.ENTER_NAME, "Enter the name on your card."),
            entry(Text.NAME_TOO_LONG, "The name on your card is too long."),

            entry(Text.FAILED_TITLE, "Your payment didn't go through"),
            entry(Text.BANK_DID_NOT_CONFIRM_TITLE, "Your bank didn't confirm this payment"),
            entry(Text.COULD_NOT_PROCESS_TITLE, "We couldn't process your card"),
            entry(Text.CARD_DECLINED, "Your card was declined. Try another card."),
            entry(Text.INSUFFICIENT_FUNDS, "Your card has insufficient funds. Try another card."),
            entry(Text.CARD_EXPIRED, "Your card has expired. Try another card."),
            entry(Text.WRONG_CVC, "The security code you entered is incorrect. Check it, or try another card."),
            entry(Text.WRONG_CARD_NUMBER, "Your card number is invalid. Check it, or try another card."),
            entry(Text.NOT_CHARGED_TRY_AGAIN, "You have not been charged. Please try again, or use another card."),
            entry(Text.THREE_D_SECURE_FAILED, "The security check with your bank (3-D Secure) failed, so you have "
                    + "not been charged. Try again, or use another card."),
            entry(Text.NOT_CHARGED_OTHER_CARD, "You have not been charged. Try again, or use another card."),

            entry(Text.PAYMENT_SUCCESSFUL, "Payment successful"),
            entry(Text.YOU_PAID, "You paid {amount} to {merchant}."),
            entry(Text.PAID_FOR, "For"),
            entry(Text.REFERENCE, "Reference"),
            entry(Text.PAID_ON, "Paid on"),
            entry(Text.RETURN_TO, "Return to {merchant}"),
            entry(Text.TAKING_YOU_BACK, "Taking you back to {merchant} in a few seconds…"),
            entry(Text.CLOSE_THIS_PAGE, "You can close this page now."),

            entry(Text.PAYMENT_IN_PROGRESS, "Payment in progress"),
            entry(Text.IN_PROGRESS_TITLE, "Your payment is being processed"),
            entry(Text.IN_PROGRESS_LEAD, "We're confirming your payment of {amount} to {merchant}. This usually "
                    + "takes a few seconds."),
            entry(Text.DO_NOT_PAY_AGAIN, "Please don't pay again. This page checks again by itself."),
            entry(Text.CHECK_AGAIN, "Check again"),

            entry(Text.CANCELLED_TITLE, "This payment was cancelled"),
            entry(Text.CANCELLED_LEAD, "{merchant} cancelled this request to pay {amount}. You have not been charged."),
            entry(Text.CANCELLED_NEXT, "If you still want to pay, go back to {merchant} and start again, or contact "
                    + "them."),
            entry(Text.EXPIRED_TITLE, "This payment link has expired"),
            entry(Text.EXPIRED_LEAD, "The time to pay {amount} to {merchant} ran out, so this link no longer works. "
                    + "You have not been charged."),
            entry(Text.EXPIRED_NEXT, "To pay, go back to {merchant} and start again: you'll get a new payment link."),

            entry(Text.LOCKED_TITLE, "Too many attempts to pay"),
            entry(Text.LOCKED_LEAD, "For your security, paying {amount} to {merchant} is paused until {time} "
                    + "(about {minutes}). You have not been charged."),
            entry(Text.ONE_MINUTE, "1 minute"),
            entry(Text.MINUTES, "{count} minutes"),
            entry(Text.LOCKED_NEXT, "Then try again with a card you know is valid, or contact {merchant}."),
            entry(Text.BACK_TO_PAYMENT_PAGE, "Back to the payment page"),
            entry(Text.SENTENCE_END, "."),

            entry(Text.CANNOT_CHANGE_TITLE, "This payment can't be changed now"),
            entry(Text.CANNOT_CHANGE_TEXT, "Open the payment page again to see where it stands."),
            entry(Text.OPEN_PAYMENT_PAGE, "Open the payment page"),
            entry(Text.COULD_NOT_TAKE_TITLE, "We couldn't take this payment"),
            entry(Text.COULD_NOT_TAKE_TEXT, "Your payment has not been completed. Please check the payment page and "
                    + "try again."),
            entry(Text.UNREACHABLE_TITLE, "We couldn't reach the payment service"),
            entry(Text.UNREACHABLE_TEXT, "Your payment has not been completed. Please try again in a moment."),
            entry(Text.TRY_AGAIN, "Try again"),
            entry(Text.OUR_FAILURE_TITLE, "Something went wrong on our side"),
            entry(Text.OUR_FAILURE_TEXT, "Please check the payment page before trying again, so that you don't pay "
                    + "twice."),
            entry(Text.CHECK_THE_PAYMENT, "Check the payment"),
            entry(Text.PAGE_EXPIRED_TITLE, "This page has expired"),
            entry(Text.PAGE_EXPIRED_TEXT, "For your security, reload the payment page and enter your card details "
                    + "again. You have not been charged."),
            entry(Text.RELOAD_PAYMENT_PAGE, "Reload the payment page"),
            entry(Text.NOT_FOUND_TITLE, "We can't find this payment"),
            entry(Text.NOT_FOUND_TEXT, "The link may be incomplete or mistyped. Check the link you were given, or go "
                    + "back to the shop and start again."),

            entry(Text.CHALLENGE_BADGE, "Test mode: simulated card issuer"),
            entry(Text.CHALLENGE_DOCUMENT_TITLE, "Confirm your payment"),
            entry(Text.CHALLENGE_TITLE, "Confirm it's you"),
            entry(Text.CHALLENGE_LEAD, "Your bank asks you to approve this payment (3-D Secure)."),
            entry(Text.MERCHANT, "Merchant"),
            entry(Text.AMOUNT, "Amount"),
            entry(Text.CARD, "Card"),
            entry(Text.AUTHENTICATE, "Authenticate"),
            entry(Text.FAIL_AUTHENTICATION, "Fail authentication"),
            entry(Text.AUTHENTICATION_DOCUMENT_TITLE, "Payment authentication"),
            entry(Text.AUTHENTICATION_COMPLETE, "Authentication complete"),
            entry(Text.AUTHENTICATION_FAILED, "Authentication failed"),
            entry(Text.YOU_APPROVED, "You approved the payment of {amount} to {merchant}."),
            entry(Text.YOU_DID_NOT_APPROVE, "You did not approve the payment of {amount} to {merchant}."),
            entry(Text.CONTINUE, "Continue"),
            entry(Text.CLOSE_AND_RETURN, "You can close this page and return to the merchant."),
            entry(Text.RETURN_TO_MERCHANT, "Return to the merchant"),
            entry(Text.CHALLENGE_PROBLEM_TITLE, "We can't show this payment"),
            entry(Text.CHALLENGE_UNREACHABLE, "We could not reach the bank just now. Please try again in a moment."),
            entry(Text.CHALLENGE_OUR_FAILURE, "Something went wrong on our side. Please try again."),
            entry(Text.CHALLENGE_PAGE_EXPIRED, "This page has expired. Go back, reload it and try again."),
            entry(Text.CHALLENGE_CHOOSE, "Choose Authenticate or Fail authentication."),
            entry(Text.CHALLENGE_NOT_FOUND, "This payment does not exist or the link is incomplete."),
            entry(Text.CHALLENGE_CANNOT_CHANGE, "This payment can no longer be authenticated."),

            entry(Text.PAY_BY_BANK_TRANSFER, "Pay by bank transfer"),
            entry(Text.BANK_TRANSFER, "Bank transfer"),
            entry(Text.PAYMENT_METHOD, "Payment method"),
            entry(Text.OR_DIVIDER, "or"),
            entry(Text.TRANSFER_OPTION_TEXT, "Pay {amount} from your bank account ({scheme}). You'll get our bank "
                    + "details and a reference to use; the payment completes when the money arrives."),
            entry(Text.ACCOUNT_HOLDER_NAME, "Name of the account holder"),
            entry(Text.ENTER_ACCOUNT_HOLDER, "Enter the name of the account holder."),
            entry(Text.ACCOUNT_HOLDER_TOO_LONG, "The name of the account holder is too long."),
            entry(Text.SCHEME_SEPA, "SEPA credit transfer"),
            entry(Text.SCHEME_FASTER_PAYMENTS, "Faster Payments"),
            entry(Text.SCHEME_ACH, "ACH or wire transfer"),
            entry(Text.TRANSFER_TITLE, "Complete your payment by bank transfer"),
            entry(Text.TRANSFER_LEAD, "To pay {amount} to {merchant}, send a bank transfer with these details from "
                    + "your bank's app or website."),
            entry(Text.TRANSFER_RECEIVED, "We have received {received} so far. Please send the remaining "
                    + "{remaining}."),
            entry(Text.AMOUNT_REMAINING, "Still to pay"),
            entry(Text.BENEFICIARY, "Beneficiary"),
            entry(Text.IBAN, "IBAN"),
            entry(Text.BIC, "BIC"),
            entry(Text.ACCOUNT_NUMBER, "Account number"),
            entry(Text.SORT_CODE, "Sort code"),
            entry(Text.ROUTING_NUMBER, "Routing number (ABA)"),
            entry(Text.PAYMENT_REFERENCE, "Payment reference"),
            entry(Text.PAY_BY, "Pay by"),
            entry(Text.REFERENCE_NOTE, "Enter the payment reference exactly as shown, so that your payment is "
                    + "matched to this order."),
            entry(Text.COMPLETES_WHEN_MONEY_ARRIVES, "Your payment is complete when the money arrives, usually "
                    + "within a few hours and at most 3 working days. You can close this page and come back to "
                    + "this link at any time to see whether it has arrived."),
            entry(Text.COPY, "Copy"),
            entry(Text.COPIED, "Copied"),
            entry(Text.COPIED_STATUS, "{field} copied to the clipboard."),
            entry(Text.TRANSFER_EXPIRED_TITLE, "Your bank transfer didn't arrive in time"),
            entry(Text.TRANSFER_EXPIRED_TEXT, "We did not receive the full amount by the date given, so that "
                    + "transfer can no longer complete this payment; anything you sent is refunded. You can pay "
                    + "again below."),

            entry(Text.WALLETS_TITLE, "Pay with a wallet"),
            entry(Text.PAY_WITH_GOOGLE_PAY, "Pay with Google Pay"),
            entry(Text.PAY_WITH_APPLE_PAY, "Pay with Apple Pay"),
            entry(Text.TEST_WALLETS_TITLE, "Test mode: wallets"),
            entry(Text.TEST_WALLETS_HINT, "No real wallet is needed: test mode makes a genuine wallet token for the "
                    + "test card you choose and pays with it as it would pay a real wallet's token. No real money "
                    + "moves."),
            entry(Text.TEST_CARD, "Test card"),
            entry(Text.TEST_CARD_SUCCEEDS, "{digits}: payment succeeds"),
            entry(Text.TEST_CARD_DECLINED, "{digits}: card declined"),
            entry(Text.TEST_CARD_THREE_D_SECURE, "{digits}: needs 3-D Secure"),
            entry(Text.PAY_WITH_TEST_GOOGLE_PAY, "Test mode: pay with a test Google Pay token"),
            entry(Text.PAY_WITH_TEST_APPLE_PAY, "Test mode: pay with a test Apple Pay token"),
            entry(Text.WALLET_PAYMENT_REFUSED, "Your wallet's payment could not be used, so you have not been charged. "
                    + "Try again, or use a card."),

            entry(Text.THE_MERCHANT, "the merchant"));

    private EnglishTexts() {
    }
}
