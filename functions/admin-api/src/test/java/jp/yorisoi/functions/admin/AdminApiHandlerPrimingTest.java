package jp.yorisoi.functions.admin;

import jp.yorisoi.aws.PrimingHookContract;

class AdminApiHandlerPrimingTest extends PrimingHookContract {

    @Override
    protected Class<?> handler() {
        return AdminApiHandler.class;
    }
}
