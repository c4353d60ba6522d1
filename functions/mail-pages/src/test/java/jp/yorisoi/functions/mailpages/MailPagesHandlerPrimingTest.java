package jp.yorisoi.functions.mailpages;

import jp.yorisoi.aws.PrimingHookContract;

class MailPagesHandlerPrimingTest extends PrimingHookContract {

    @Override
    protected Class<?> handler() {
        return MailPagesHandler.class;
    }
}
