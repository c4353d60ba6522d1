package jp.yorisoi.functions.retention;

import jp.yorisoi.aws.PrimingHookContract;

class RetentionHandlerPrimingTest extends PrimingHookContract {

    @Override
    protected Class<?> handler() {
        return RetentionHandler.class;
    }
}
