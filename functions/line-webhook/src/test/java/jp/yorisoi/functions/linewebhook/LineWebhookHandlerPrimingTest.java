package jp.yorisoi.functions.linewebhook;

import jp.yorisoi.aws.PrimingHookContract;

class LineWebhookHandlerPrimingTest extends PrimingHookContract {

    @Override
    protected Class<?> handler() {
        return LineWebhookHandler.class;
    }
}
