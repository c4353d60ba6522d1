package jp.yorisoi.functions.mailfeedback;

import jp.yorisoi.aws.PrimingHookContract;

class MailFeedbackHandlerPrimingTest extends PrimingHookContract {

    @Override
    protected Class<?> handler() {
        return MailFeedbackHandler.class;
    }
}
