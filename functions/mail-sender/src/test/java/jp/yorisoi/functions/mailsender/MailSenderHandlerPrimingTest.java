package jp.yorisoi.functions.mailsender;

import jp.yorisoi.aws.PrimingHookContract;

class MailSenderHandlerPrimingTest extends PrimingHookContract {

    @Override
    protected Class<?> handler() {
        return MailSenderHandler.class;
    }
}
